"""``tf.RaggedTensor`` and the ``tf.ragged`` ops (row-splits storage over Tensors)."""
