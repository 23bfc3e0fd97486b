"""Core layers: Dense, Activation, Embedding, Identity, InputLayer, Lambda."""
