"""The ``training`` flag of the enclosing layer call, inherited by nested calls.

``TRAINING[-1]`` is the value an outer ``__call__`` received (``None`` at top
level); a layer called without ``training=`` inside it uses that value, as in Keras.
"""

TRAINING = [None]
