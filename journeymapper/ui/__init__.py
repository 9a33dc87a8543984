"""The desktop window: main window, panels and dialogs around the map canvas."""
