"""The base of the merge layers: a list of tensors of compatible shapes -> one tensor."""

from ....framework.convert import to_torch
from ....framework.tensor import wrap
from ..layer import Layer


def _broadcast_shape(a, b):
    a, b = tuple(a), tuple(b)
    if len(a) < len(b):
        a = (1,) * (len(b) - len(a)) + a
    elif len(b) < len(a):
        b = (1,) * (len(a) - len(b)) + b
    out = []
    for x, y in zip(a, b):
        if x is None or y is None:
            out.append(None if x in (None, 1) and y in (None, 1) else (x if y in (None, 1) else y))
        elif x == 1 or y == 1 or x == y:
            out.append(max(x, y) if 1 in (x, y) else x)
        else:
            raise ValueError("Inputs have incompatible shapes. Received shapes %s and %s" % (a, b))
    return tuple(out)


class Merge(Layer):
    """Applies ``_merge_function`` to the storages of a list of at least two inputs
    (broadcasting)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def build(self, input_shape):
        if not isinstance(input_shape[0], (tuple, list)):
            raise ValueError(
                "A merge layer should be called on a list of inputs. Received: input_shape=%s "
                "(not a list of shapes)" % (input_shape,)
            )
        if len(input_shape) < 1:
            raise ValueError(
                "A merge layer should be called on a list of at least 1 input. Got %d inputs. "
                "Full input_shape received: %s" % (len(input_shape), input_shape)
            )
        shape = input_shape[0][1:]
        for other in input_shape[1:]:
            _broadcast_shape(shape, other[1:])
        self.built = True

    def call(self, inputs):
        return wrap(self._merge_function([x._value for x in inputs]))

    def _merge_function(self, values):
        raise NotImplementedError

    @staticmethod
    def _check_masks(inputs, mask):
        if not isinstance(mask, (tuple, list)):
            raise ValueError("`mask` should be a list. Received: mask=%s" % (mask,))
        if not isinstance(inputs, (tuple, list)):
            raise ValueError("`inputs` should be a list. Received: inputs=%s" % (inputs,))
        if len(mask) != len(inputs):
            raise ValueError(
                "The lists `inputs` and `mask` should have the same length. Received: inputs=%s of "
                "length %d, and mask=%s of length %d" % (inputs, len(inputs), mask, len(mask))
            )

    def compute_mask(self, inputs, mask=None):
        """Keras' merged mask: ``None`` unless every input is masked, else the logical OR of the
        masks."""
        if mask is None:
            return None
        self._check_masks(inputs, mask)
        if any(m is None for m in mask):
            return None
        merged = to_torch(mask[0]).bool()
        for m in mask[1:]:
            merged = merged | to_torch(m).bool()
        return wrap(merged)

    def compute_output_shape(self, input_shape):
        shape = tuple(input_shape[0][1:])
        for other in input_shape[1:]:
            shape = _broadcast_shape(shape, other[1:])
        batches = {s[0] for s in input_shape if s[0] is not None}
        return ((batches.pop() if len(batches) == 1 else None),) + shape
