"""One home for torchkeras' global state, per thread where TF and Keras keep it per thread.

TensorFlow keeps its eager context (the ``tf.device`` scope stack, name scopes, the tape
stack) per thread; Keras 3 keeps all of its global state in one ``threading.local``
(``keras/src/backend/common/global_state.py``): the dtype policy, name scopes, the
autocast scope, the call context, custom-object scopes, safe mode. A new thread starts
from the defaults (checked against Keras 3.15: a policy set in the main thread reads
``float32`` in another thread). ``tf.config.run_functions_eagerly`` and the default
device are process-wide in TF, so they live in :data:`PROCESS`.

Modules read the attributes directly (``PER_THREAD.training_stack[-1]``): one attribute
lookup on the hot path. :func:`get_global_attribute` / :func:`set_global_attribute` /
:func:`clear_session` are Keras' functional interface to the same state.
"""

from __future__ import annotations

import threading

__all__ = ["PER_THREAD", "PROCESS", "get_global_attribute", "set_global_attribute", "clear_session"]


class _PerThread(threading.local):
    """State each thread sees on its own, starting from these defaults."""

    def __init__(self):
        self.device_stack = []
        """``tf.device`` scopes entered in this thread (torch devices); empty: the default."""
        self.training_stack = [None]
        """The ``training`` value of the enclosing Keras layer calls (``None`` at top level)."""
        self.autocast_dtype = None
        """The torch dtype autocast Keras variables are read in, or ``None`` (no scope)."""
        self.symbolic_tracing = None
        """The mode of the symbolic (KerasTensor) trace in progress, or ``None``."""
        self.symbolic_fill = None
        """The size unknown dims get in the symbolic trace in progress."""
        self.function_trace = None
        """The ``tf.function`` trace in progress (``framework/function_trace.py``), or ``None``."""
        self.dataset_functions = 0
        """How many ``tf.data`` functions are running (TF builds them as graphs)."""
        self.dtype_policy = None
        """The Keras dtype policy set with ``set_dtype_policy`` (``None``: floatx's)."""
        self.name_scopes = []
        self.tf_name_scope = ""
        """The prefix ``tf.name_scope`` blocks give new ``tf.Variable`` names (``"outer/"``)."""
        """Open ``keras.name_scope`` objects, outermost first."""
        self.custom_object_scopes = []
        """Dicts of the open ``keras.saving.custom_object_scope`` blocks, outermost first."""
        self.safe_mode = None
        """The ``SafeModeScope`` value in force (``None``: outside any scope)."""
        self.unsafe_deserialization = False
        """Whether ``keras.config.enable_unsafe_deserialization()`` was called."""
        self.traceback_filtering = True
        """Whether errors from a layer's ``call`` get Keras' context (``keras.config``)."""
        self.name_counts = {}
        """Keras' automatic-name counters (``dense``, ``dense_1`` ...), by prefix."""
        self.attributes = {}
        """Other values set with :func:`set_global_attribute`."""
        self.distribute_strategy = None
        """The ``tf.distribute`` strategy in force: an entered ``scope()``, ``strategy.run`` or a
        ``fit`` under a strategy (``None``: the default strategy)."""
        self.replica_context = None
        """The ``ReplicaContext`` of the ``strategy.run`` call in progress, or ``None``."""


class _Process:
    """State shared by every thread, as TF keeps it."""

    def __init__(self):
        self.py_function_count = 0
        """How many ``tf.py_function`` calls ran (TF names each one's function ``pyfunc_N``)."""
        self.default_device = None
        """The torch device used outside any ``tf.device`` block (set by ``framework.device``)."""
        self.run_functions_eagerly = False
        """``tf.config.run_functions_eagerly``'s value."""
        self.numpy_behavior = False
        """Whether ``tnp.experimental_enable_numpy_behavior()`` was called (TF has no undo)."""
        self.prefer_float32 = False
        """tnp's ``prefer_float32``: Python floats infer ``float32`` instead of ``float64``."""
        self.log_device_placement = False
        """``tf.debugging.set_log_device_placement``'s value."""
        self.check_numerics = False
        """Whether ``tf.debugging.enable_check_numerics()`` is in force."""
        self.jit = False
        """``tf.config.optimizer.set_jit``'s value (``False``, ``True`` or ``"autoclustering"``)."""
        self.optimizer_options = {}
        """Options set with ``tf.config.optimizer.set_experimental_options``."""
        self.logical_devices = {}
        """Logical device configurations by physical device name (``set_logical_device_...``)."""
        self.intra_op_threads = 0
        """``tf.config.threading.set_intra_op_parallelism_threads``' value (0: the default)."""
        self.inter_op_threads = 0
        """``tf.config.threading.set_inter_op_parallelism_threads``' value (0: the default)."""
        self.default_intra_op_threads = None
        """torchkeras' default intra-op thread count (``framework.threading_config``)."""
        self.random_kernels = {}
        """Philox streams of TF's stateful random kernels (``ops/random_kernels.py``)."""
        self.op_seed_rng = None
        """The ``random.Random`` TF draws op seeds from after ``tf.random.set_seed``."""


PER_THREAD = _PerThread()
PROCESS = _Process()


def get_global_attribute(name, default=None, set_to_default=False):
    """Keras' ``global_state.get_global_attribute``: this thread's value of ``name``."""
    if hasattr(PER_THREAD, name) and name != "attributes":
        return getattr(PER_THREAD, name)
    attributes = PER_THREAD.attributes
    if name not in attributes and set_to_default:
        attributes[name] = default
    return attributes.get(name, default)


def set_global_attribute(name, value):
    """Keras' ``global_state.set_global_attribute``: sets ``name`` for this thread."""
    if hasattr(PER_THREAD, name) and name != "attributes":
        setattr(PER_THREAD, name, value)
    else:
        PER_THREAD.attributes[name] = value


def clear_session():
    """Resets this thread's Keras state to the defaults, as ``keras.backend.clear_session``
    does (the dtype policy, name scopes, custom-object scopes, safe mode).

    The ``tf.device`` scopes, the call context and the autocast scope are left alone: they
    belong to blocks still open on the stack."""
    PER_THREAD.dtype_policy = None
    PER_THREAD.name_scopes = []
    PER_THREAD.custom_object_scopes = []
    PER_THREAD.safe_mode = None
    PER_THREAD.unsafe_deserialization = False
    PER_THREAD.traceback_filtering = True
    PER_THREAD.name_counts = {}
    PER_THREAD.attributes = {}
