"""TensorFlow's checkpoint format (``.index`` + ``.data-*``) and ``tf.train.Checkpoint``."""
