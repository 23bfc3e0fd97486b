"""``tf.data``'s transformations, one module per family (the ``Dataset`` methods call them)."""
