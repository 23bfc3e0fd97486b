"""``tf.Module``."""
