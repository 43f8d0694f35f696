"""The CLI's commands, one module each; ``kronika.cli`` registers them. Each command is thin: it
parses options, calls one library function, and formats the result."""
