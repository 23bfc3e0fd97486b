"""Keras' ``serialize`` / ``deserialize`` / ``get`` for one family of objects
(constraints, regularizers, initializers): names, dicts, classes, callables."""

__all__ = ["ObjectLookup"]


class ObjectLookup:
    """The three lookup functions of a Keras namespace such as ``keras.constraints``.

    ``classes`` maps both class names (``'MaxNorm'``) and Keras' string
    shortcuts (``'max_norm'``) to classes.
    """

    def __init__(self, kind, module, classes):
        self._kind = kind
        self._module = module
        self._classes = classes

    def _error(self, identifier):
        return ValueError("Could not interpret %s identifier: %s" % (self._kind, identifier))

    def serialize(self, obj):
        """Keras' serialised form ``{'module', 'class_name', 'config', 'registered_name'}``
        (``None`` stays ``None``)."""
        if obj is None:
            return None
        return {
            "module": self._module,
            "class_name": type(obj).__name__,
            "config": obj.get_config(),
            "registered_name": None,
        }

    def deserialize(self, config, custom_objects=None):
        """The object that ``serialize()`` described (a bare ``{'class_name', 'config'}`` works
        too)."""
        name = config["class_name"]
        cls = (custom_objects or {}).get(name) or self._classes.get(name)
        if cls is None:
            raise self._error(config)
        return cls.from_config(config.get("config", {}))

    def get(self, identifier):
        """An object from ``None``, a name, a serialised dict, a class (instantiated) or a
        callable."""
        if identifier is None:
            return None
        if isinstance(identifier, dict):
            return self.deserialize(identifier)
        if isinstance(identifier, str):
            cls = self._classes.get(identifier)
            if cls is None:
                raise self._error(identifier)
            return cls()
        if isinstance(identifier, type):
            return identifier()
        if callable(identifier):
            return identifier
        raise self._error(identifier)
