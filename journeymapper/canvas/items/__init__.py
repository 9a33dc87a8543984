"""Graphics items of the map canvas. Items draw the model and never write it;
the scene turns gestures on them into commands."""
