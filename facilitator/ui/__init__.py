"""Qt widgets. Widgets never write to the store themselves: they call services."""
