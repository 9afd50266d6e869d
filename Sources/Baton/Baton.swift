// Baton — see the header in the stage's main file.
