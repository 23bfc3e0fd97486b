"""``tf.Module``: a named container of variables and submodules (TF's ``module.py``).

Walk order is TF's: attributes sorted by name, each flattened as ``tf.nest`` does
(lists and tuples in order, dicts by sorted key), leaves de-duplicated; submodules
are visited after the module's own attributes.  As in TF 2.21 with Keras 3, Keras
layers held by a module are checkpointed with it but are not ``tf.Module``s, so
their weights do not appear in ``module.variables`` (and a Keras model does not list
a ``tf.Module``'s variables) — pass ``layer.trainable_variables`` explicitly.

For torch: ``[v._value for v in module.trainable_variables]`` are the ``torch``
storages of the variables (``torch.nn.Parameter``s while a ``GradientTape`` records);
``tf.Module`` is deliberately not a ``torch.nn.Module``.
"""

from __future__ import annotations

import functools
import re

from ..api_export import tf_export
from ..framework.name_scope import name_scope as _name_scope
from ..framework.variable import Variable
from ..checkpoint import deferred as _deferred

__all__ = ["Module"]

_IGNORED = frozenset(("_name", "_name_scope", "_scope_name"))


def _camel_to_snake(name):
    return re.sub(r"((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))", r"_\1", name).lower()


def _nest_leaves(value):
    """Leaves of ``value`` in ``tf.nest`` order (dicts by sorted key)."""
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _nest_leaves(item)
    elif isinstance(value, dict):
        for key in sorted(value):
            yield from _nest_leaves(value[key])
    else:
        yield value


def _flatten(module, predicate, seen=None, stack=()):
    if seen is None:
        seen = {id(module)}
    submodules = []
    for key in sorted(vars(module)):
        if key in _IGNORED:
            continue
        for leaf in _nest_leaves(vars(module)[key]):
            if id(leaf) in seen:
                continue
            seen.add(id(leaf))
            if predicate(leaf):
                yield leaf
            if isinstance(leaf, Module) and id(module) not in stack:
                submodules.append(leaf)
    for sub in submodules:
        yield from _flatten(sub, predicate, seen, stack + (id(module),))


@tf_export("Module")
class Module:
    """``tf.Module(name=None)``: base class for TF 2 models written without Keras.

    ``name`` defaults to the class name in snake case; ``name_scope`` is opened by
    methods decorated with :meth:`with_name_scope`, so variables created there are
    named ``'<module name>/<variable name>:0'``."""

    def __init__(self, name=None):
        if name is None:
            name = _camel_to_snake(type(self).__name__)
        elif not isinstance(name, str) or not name.isidentifier():
            raise ValueError(
                "%r is not a valid module name. Module names must be valid Python "
                "identifiers (e.g. a valid class name)." % (name,)
            )
        self._name = name
        with _name_scope(name) as scope_name:
            self._scope_name = scope_name
        self._name_scope = _name_scope(self._scope_name)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)
        if _deferred.PENDING:
            _deferred.notify(self)

    @property
    def name(self):
        """The module's name (without the enclosing scopes)."""
        return self._name

    @property
    def name_scope(self):
        """A ``tf.name_scope`` for this module (entering it gives ``'<scopes>/<name>/'``)."""
        return self._name_scope

    @property
    def variables(self):
        """Every ``tf.Variable`` of this module and its submodules, in TF's walk order."""
        return tuple(_flatten(self, lambda v: isinstance(v, Variable)))

    @property
    def trainable_variables(self):
        """The trainable ``tf.Variable``s of this module and its submodules."""
        return tuple(_flatten(self, lambda v: isinstance(v, Variable) and v.trainable))

    @property
    def non_trainable_variables(self):
        """The non-trainable ``tf.Variable``s of this module and its submodules."""
        return tuple(_flatten(self, lambda v: isinstance(v, Variable) and not v.trainable))

    @property
    def submodules(self):
        """Every ``tf.Module`` reachable from this one (not itself), in TF's walk order."""
        return tuple(_flatten(self, lambda v: isinstance(v, Module)))

    @classmethod
    def with_name_scope(cls, method):
        """Decorator: run ``method`` inside the module's ``name_scope``."""

        @functools.wraps(method)
        def method_with_name_scope(self, *args, **kwargs):
            with self.name_scope:
                return method(self, *args, **kwargs)

        return method_with_name_scope

    def _trackable_children(self):
        """Checkpoint dependencies: attributes in assignment order (TF's AutoTrackable)."""
        return {key: value for key, value in vars(self).items() if key not in _IGNORED}
