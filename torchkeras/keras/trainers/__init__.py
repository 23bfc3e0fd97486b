"""compile / fit / evaluate / predict for Keras models."""
