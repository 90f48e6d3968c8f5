"""Qt item models (and their delegates) over service results."""
