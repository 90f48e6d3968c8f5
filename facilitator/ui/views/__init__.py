"""One module per workshop screen (tab) of the main window."""
