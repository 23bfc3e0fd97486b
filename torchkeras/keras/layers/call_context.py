"""The ``training`` flag of the enclosing layer call, inherited by nested calls.

``STATE.training_stack[-1]`` is the value an outer ``__call__`` received (``None`` at top
level); a layer called without ``training=`` inside it uses that value, as in Keras.  The
stack is per thread (``framework.global_state``), as Keras' call context.
"""

from ...framework.global_state import PER_THREAD as STATE

__all__ = ["STATE"]
