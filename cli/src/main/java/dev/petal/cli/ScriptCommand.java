package dev.petal.cli;

/**
 * Marks a command of the form {@code petal CMD [OPTIONS] SCRIPT [ARGS...]}: everything after SCRIPT goes to the
 * script untouched, even arguments that look like options ({@code --kernel linear}).
 */
interface ScriptCommand {
}
