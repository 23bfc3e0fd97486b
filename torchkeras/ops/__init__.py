"""tf.* operations over torch, grouped like TF's namespaces."""
