package dev.petal.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ExpressionParser.parse(text)).getMessage();
    }

    @Test
    void readsEveryFunction() {
        assertEquals(new ParameterExpression.RandInt(10), ExpressionParser.parse("randint(10)"));
        assertEquals(new ParameterExpression.Uniform(0.05, 0.1), ExpressionParser.parse("uniform(0.05, 0.1)"));
        assertEquals(new ParameterExpression.LogUniform(-6, -1), ExpressionParser.parse(" loguniform( -6 ,-1 ) "));
        assertEquals(new ParameterExpression.Normal(10, 3), ExpressionParser.parse("normal(10, 3)"));
        assertEquals(new ParameterExpression.LogNormal(0, 1e-1), ExpressionParser.parse("lognormal(0, 1e-1)"));
        assertEquals(new ParameterExpression.QUniform(1, 10, 1), ExpressionParser.parse("quniform(1, 10, 1)"));
        assertEquals(new ParameterExpression.QLogUniform(0, 5, 2), ExpressionParser.parse("qloguniform(0, 5, 2)"));
        assertEquals(new ParameterExpression.QNormal(5, 2, 0.5), ExpressionParser.parse("qnormal(5, 2, .5)"));
        assertEquals(new ParameterExpression.QLogNormal(1, 0.5, 1), ExpressionParser.parse("qlognormal(1, 0.5, 1)"));
    }

    @Test
    void readsChoiceLiteralsAsPythonWould() {
        ParameterExpression.Choice c = (ParameterExpression.Choice)
                ExpressionParser.parse("choice(linear, 'rbf', \"poly, quoted\", 0.5, 1, -2, 1.5e3, 'sigmoid')");
        assertEquals(List.of(ParameterValue.of("linear"), ParameterValue.of("rbf"), ParameterValue.of("poly, quoted"),
                ParameterValue.of(0.5), ParameterValue.of(1L), ParameterValue.of(-2L), ParameterValue.of(1500.0),
                ParameterValue.of("sigmoid")), c.values());
        assertEquals("choice('linear', 'rbf', 'poly, quoted', 0.5, 1, -2, 1500.0, 'sigmoid')", c.expression());
    }

    @Test
    void readsRangeInsideChoice() {
        assertEquals(ParameterExpression.Choice.of(ParameterValue.of(1L), ParameterValue.of(2L), ParameterValue.of(3L),
                ParameterValue.of(4L)), ExpressionParser.parse("choice(range(1,5))"));
        assertEquals(ParameterExpression.Choice.of(ParameterValue.of(0L), ParameterValue.of(1L), ParameterValue.of(2L),
                ParameterValue.of(100L)), ExpressionParser.parse("choice(range(3), 100)"));
        assertEquals(ParameterExpression.Choice.of(ParameterValue.of(10L), ParameterValue.of(7L)),
                ExpressionParser.parse("choice(range(10, 5, -3))"));
        assertEquals("Cannot parse parameter expression 'choice(range(5, 1))': range(5, 1) is empty.",
                error("choice(range(5, 1))"));
        assertEquals("Cannot parse parameter expression 'choice(range(1, 5, 0))': range step must not be zero.",
                error("choice(range(1, 5, 0))"));
    }

    @Test
    void readsNameAssignments() {
        Map.Entry<String, ParameterExpression> e = ExpressionParser.parseAssignment("penalty=choice(0.5, 1, 1.5)");
        assertEquals("penalty", e.getKey());
        assertEquals("choice(0.5, 1, 1.5)", e.getValue().expression());
        assertEquals("Cannot parse parameter 'penalty': expected NAME=EXPR, such as kernel=choice(linear, rbf).",
                assertThrows(IllegalArgumentException.class, () -> ExpressionParser.parseAssignment("penalty")).getMessage());
        assertEquals("Invalid hyperparameter name 'a b': use letters, digits, '_' or '-' (such as kernel or --kernel).",
                assertThrows(IllegalArgumentException.class, () -> ExpressionParser.parseAssignment("a b=choice(1)")).getMessage());
    }

    @Test
    void errorsNameTheBadExpression() {
        assertEquals("Cannot parse parameter expression 'unifrom(0, 1)': unknown function 'unifrom' (expected one of choice,"
                + " randint, uniform, loguniform, normal, lognormal, quniform, qloguniform, qnormal, qlognormal).",
                error("unifrom(0, 1)"));
        assertEquals("Cannot parse parameter expression 'uniform(0, 1, 2)': uniform takes 2 arguments, uniform(low, high), got 3.",
                error("uniform(0, 1, 2)"));
        assertEquals("Cannot parse parameter expression 'quniform(0, 1)': quniform takes 3 arguments, quniform(low, high, q), got 2.",
                error("quniform(0, 1)"));
        assertEquals("Cannot parse parameter expression 'uniform(a, 1)': uniform expects numbers, got 'a'.", error("uniform(a, 1)"));
        assertEquals("Cannot parse parameter expression 'randint(2.5)': expected an integer, got '2.5'.", error("randint(2.5)"));
        assertEquals("Cannot parse parameter expression '0.5': expected FUNCTION(ARGS) with FUNCTION one of choice, randint,"
                + " uniform, loguniform, normal, lognormal, quniform, qloguniform, qnormal, qlognormal.", error("0.5"));
        assertEquals("Cannot parse parameter expression 'choice()': choice needs at least one value.", error("choice()"));
        assertEquals("Cannot parse parameter expression 'choice(a, , b)': empty value in choice.", error("choice(a, , b)"));
        assertEquals("Cannot parse parameter expression 'choice('a, b)': unterminated quote.", error("choice('a, b)"));
        assertEquals("Cannot parse parameter expression 'choice(a), b)': unbalanced parentheses.", error("choice(a), b)"));
        assertEquals("Cannot parse parameter expression '': it is empty (expected e.g. choice(a, b) or uniform(0, 1)).", error("  "));
    }

    @Test
    void invalidBoundsAreReportedWithTheExpression() {
        assertEquals("Invalid parameter expression uniform(1.0, 0.0): low must be less than high.", error("uniform(1, 0)"));
        assertEquals("Invalid parameter expression normal(0.0, -1.0): sigma must be greater than 0.", error("normal(0, -1)"));
        assertEquals("Invalid parameter expression quniform(0.0, 10.0, 0.0): q must be a finite number greater than 0.",
                error("quniform(0, 10, 0)"));
        assertEquals("Invalid parameter expression randint(0): upper must be at least 1.", error("randint(0)"));
    }
}
