"""``keras.Operation``: the base that ops and layers share (Keras 3's
``keras/src/ops/operation.py``).

An operation has a ``name``, runs ``call`` on tensors, and on KerasTensors
infers its outputs (``compute_output_spec``) and records a ``Node`` of the
functional graph, so ``x + y`` on ``keras.Input``s is an ``Add`` operation that
a functional model serializes by class and config, as Keras does.
``keras.layers.Layer`` derives from it.
"""

from ...api_export import keras_export
from ..backend import naming
from ..backend.keras_tensor import KerasTensor
from . import symbolic_trace
from .node import Node, flatten

__all__ = ["Operation"]


def _any_symbolic(args, kwargs):
    leaves = flatten(list(args) + [kwargs]) if kwargs else flatten(list(args))
    return any(isinstance(x, KerasTensor) for x in leaves)


@keras_export("keras.Operation")
class Operation:
    """A named computation; on KerasTensor arguments it becomes a node of the functional graph.

    Subclasses implement ``call`` (tensors in, tensors out) and, to be
    serialized, ``get_config`` (Keras' default: ``{'name': name}``).
    """

    def __init__(self, name=None):
        if name is None:
            name = naming.auto_name(type(self).__name__)
        if not isinstance(name, str) or "/" in name:
            raise ValueError(
                "Argument `name` must be a string and cannot contain character `/`. "
                "Received: name=%s (of type %s)" % (name, type(name))
            )
        d = self.__dict__
        d["_name"] = name
        d["_inbound_nodes"] = []

    @property
    def name(self):
        """The operation's name (``'add'``, ``'add_1'`` ... when not given)."""
        return self._name

    @name.setter
    def name(self, value):
        self.__dict__["_name"] = value

    def __call__(self, *args, **kwargs):
        if _any_symbolic(args, kwargs):
            return self.symbolic_call(*args, **kwargs)
        return self.call(*args, **kwargs)

    def symbolic_call(self, *args, **kwargs):
        """Infers the outputs for KerasTensor arguments and records the call as a ``Node``."""
        outputs = self.compute_output_spec(*args, **kwargs)
        Node(self, args, kwargs, outputs)
        return outputs

    def call(self, *args, **kwargs):
        """The computation on tensors; subclasses implement it."""
        raise NotImplementedError

    def compute_output_spec(self, *args, **kwargs):
        """KerasTensors describing ``call``'s outputs, found by running it on meta tensors."""
        try:
            return symbolic_trace.compute_output_spec(self.call, args, kwargs)
        except Exception as error:  # noqa: BLE001
            name = type(self).__name__
            text = (
                "Could not automatically infer the output shape / dtype of '%s' (of type %s). "
                "Either the `%s.call()` method is incorrect, or you need to implement the "
                "`%s.compute_output_spec() / compute_output_shape()` method. "
                "Error encountered:\n\n%s" % (self.name, name, name, name, error)
            )
            try:
                wrapped = type(error)(text)
            except Exception:  # noqa: BLE001
                raise error from None
            raise wrapped.with_traceback(error.__traceback__) from None

    def get_config(self):
        """``{'name': name}``; subclasses add their constructor arguments."""
        return {"name": self.name}

    @classmethod
    def from_config(cls, config):
        """A new operation from ``get_config()``'s output."""
        return cls(**config)

    @property
    def input(self):
        """The KerasTensor(s) of the operation's first call."""
        return self._node_attribute("input_tensors", "input")

    @property
    def output(self):
        """The KerasTensor(s) the operation's first call produced."""
        return self._node_attribute("outputs", "output")

    def _node_attribute(self, attribute, what):
        if not self._inbound_nodes:
            raise AttributeError(
                "The layer %s has never been called and thus has no defined %s." % (self.name, what)
            )
        values = getattr(self._inbound_nodes[0], attribute)
        return values[0] if isinstance(values, list) and len(values) == 1 else values

    def __repr__(self):
        return "<Operation name=%s>" % self.name
