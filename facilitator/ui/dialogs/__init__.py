"""Small dialogs shared by the workshop pages."""
