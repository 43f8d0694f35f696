"""Names: statistical NKJP tagging and domain entities."""
