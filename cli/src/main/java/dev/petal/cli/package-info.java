/** The {@code petal} command line: one picocli command per subcommand of DESIGN.md's contract. */
package dev.petal.cli;
