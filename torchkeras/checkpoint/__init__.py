"""TensorFlow's checkpoint format (``.index`` table + ``.data`` shards) and ``tf.train.Checkpoint``."""
