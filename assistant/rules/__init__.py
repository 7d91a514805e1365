"""Award rules as data (``awards.yaml``) and the calculator that applies them."""
