"""The book's runnable examples, shipped with the package (``python -m torchkeras.demo``
runs them all; ``python -m torchkeras.examples.<name>`` runs one), with their small data
in ``examples/data``."""
