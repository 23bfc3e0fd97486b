"""``tf.sparse``'s ops on ``tf.SparseTensor`` (one module per family); the names are
exported to ``tf.sparse`` by the registry."""
