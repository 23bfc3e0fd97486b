"""Where each object's variables go in Keras' weights files: Keras' walk over layers and the
optimizer.

Sequential and functional models list ``layers`` (paths like
``layers/dense``, ``layers/dense_1``: the snake_case class name, numbered
within each list); other layers list their sublayer attributes by name
(public ones first, alphabetically); a compiled model adds ``optimizer``;
a list nested in a list is a ``container`` (``container_1``...) level, as
Keras 3.15 writes it.
Each object's own variables (trainable, then non-trainable, in creation
order) go to ``<path>/vars/0``, ``1``...; an object reached twice is stored
once, at its first path.
"""

from ..layers.layer import Layer, _modules_in
from ..backend.naming import to_snake_case

__all__ = ["saveables", "own_variables"]


def _name_key(name):
    return "~" + name if name.startswith("_") else name


def own_variables(obj):
    """The variables stored at ``obj``'s path, in Keras' order."""
    if not isinstance(obj, Layer):
        return list(obj._variables)
    out = list(obj._trainable_variables) + list(obj._non_trainable_variables)
    for name, value in obj._tracked.items():
        for module in _modules_in(value, []):
            if not isinstance(module, Layer):
                out.extend(obj._torch_module_variables(module, name))
    return out


def _is_saveable(obj):
    from ..optimizers.optimizer import Optimizer

    return isinstance(obj, (Layer, Optimizer))


def _children(obj):
    from ..models import Functional, Model, Sequential

    if not isinstance(obj, Layer):
        return []
    if isinstance(obj, (Sequential, Functional)):
        children = [("layers", obj.layers)]
        if getattr(obj, "optimizer", None) is not None:
            children.append(("optimizer", obj.optimizer))
        return children
    attrs = {
        name: value
        for name, value in obj._tracked.items()
        if any(isinstance(m, Layer) for m in _modules_in(value, [])) or _is_saveable(value)
    }
    if isinstance(obj, Model):
        attrs["layers"] = obj.layers
        if getattr(obj, "optimizer", None) is not None:
            attrs["optimizer"] = obj.optimizer
    return [(name, attrs[name]) for name in sorted(attrs, key=_name_key)]


def _join(path, name):
    return "%s/%s" % (path, name) if path else name


def saveables(root):
    """``[(path, object)]`` for ``root`` and every layer / optimizer under it, in Keras' order."""
    out, visited = [], set()

    def visit(obj, path):
        if id(obj) in visited:
            return
        visited.add(id(obj))
        out.append((path, obj))
        for attr, child in _children(obj):
            child_path = _join(path, attr)
            if _is_saveable(child):
                visit(child, child_path)
            elif isinstance(child, (list, tuple, dict)):
                visit_container(child, child_path, set())

    def visit_container(container, path, seen):
        if id(container) in seen:
            return
        seen.add(id(container))
        used = {}
        for item in container.values() if isinstance(container, dict) else container:
            if _is_saveable(item):
                visit(item, _join(path, _unique(to_snake_case(type(item).__name__), used)))
            elif isinstance(item, (list, tuple, dict)):
                visit_container(item, _join(path, _unique("container", used)), seen)

    visit(root, "")
    return out


def _unique(name, used):
    if name in used:
        used[name] += 1
        return "%s_%d" % (name, used[name])
    used[name] = 0
    return name
