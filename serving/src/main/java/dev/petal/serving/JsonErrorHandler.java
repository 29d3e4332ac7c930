package dev.petal.serving;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's error pages as {@code {"error": "..."}}: requests Jetty refuses before they reach a route
 * (an unparseable request line, headers too large, a bad chunk) get the same JSON shape as ours.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(Json.error(message(status, reason)));
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        Object m = request.getAttribute("jakarta.servlet.error.message");
        byte[] body = Json.error(message(response.getStatus(), m == null ? null : m.toString()));
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String message(int status, String reason) {
        String text = HttpStatus.getMessage(status);
        String hint = status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505
                ? "; send an HTTP/1.1 request line such as 'POST /score HTTP/1.1'." : ".";
        return reason == null || reason.isBlank() || reason.equals(text)
                ? "The request was refused: " + status + " " + text + hint
                : "The request was refused: " + status + " " + text + " (" + Json.oneLine(reason) + ")" + hint;
    }
}
