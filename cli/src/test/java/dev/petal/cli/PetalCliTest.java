package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class PetalCliTest {
    @Test
    void theNamesTableMatchesEveryCommandsAnnotation() {
        assertEquals(PetalCli.COMMANDS.size(), PetalCli.NAMES.size());
        for (int i = 0; i < PetalCli.COMMANDS.size(); i++) {
            Class<?> c = PetalCli.COMMANDS.get(i);
            assertEquals(c.getAnnotation(Command.class).name(), PetalCli.NAMES.get(i), c.getName());
        }
    }
}
