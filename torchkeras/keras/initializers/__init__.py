"""``keras.initializers``: classes, their snake_case aliases, and ``get``/``serialize``."""
from .initializer import Initializer
from .constant_initializers import Constant, Identity, IdentityInitializer, Ones, Zeros
from .random_initializers import (
    GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, Orthogonal,
    OrthogonalInitializer, RandomNormal, RandomUniform, TruncatedNormal, VarianceScaling, compute_fans,
)

zeros = Zeros
ones = Ones
constant = Constant
identity = Identity
random_normal = RandomNormal
random_uniform = RandomUniform
truncated_normal = TruncatedNormal
variance_scaling = VarianceScaling
glorot_uniform = GlorotUniform
glorot_normal = GlorotNormal
he_uniform = HeUniform
he_normal = HeNormal
lecun_uniform = LecunUniform
lecun_normal = LecunNormal
orthogonal = Orthogonal

_CLASSES = {cls.__name__: cls for cls in (
    Zeros, Ones, Constant, Identity, RandomNormal, RandomUniform, TruncatedNormal, VarianceScaling,
    GlorotUniform, GlorotNormal, HeUniform, HeNormal, LecunUniform, LecunNormal, Orthogonal)}
_CLASSES.update({"IdentityInitializer": Identity, "OrthogonalInitializer": Orthogonal})
_NAMES = {"zeros": Zeros, "ones": Ones, "constant": Constant, "identity": Identity,
          "random_normal": RandomNormal, "random_uniform": RandomUniform,
          "truncated_normal": TruncatedNormal, "variance_scaling": VarianceScaling,
          "glorot_uniform": GlorotUniform, "glorot_normal": GlorotNormal, "he_uniform": HeUniform,
          "he_normal": HeNormal, "lecun_uniform": LecunUniform, "lecun_normal": LecunNormal,
          "orthogonal": Orthogonal, "uniform": RandomUniform, "normal": RandomNormal}


def serialize(initializer):
    """Keras' serialised form: ``{'module', 'class_name', 'config', 'registered_name'}``."""
    if initializer is None:
        return None
    return {"module": "keras.initializers", "class_name": type(initializer).__name__,
            "config": initializer.get_config(), "registered_name": None}


def deserialize(config, custom_objects=None):
    """An initializer from ``serialize()``'s output (or a bare ``{'class_name', 'config'}``)."""
    name = config["class_name"]
    cls = (custom_objects or {}).get(name) or _CLASSES.get(name) or _NAMES.get(name)
    if cls is None:
        raise ValueError("Could not interpret initializer identifier: %s" % (config,))
    return cls.from_config(config.get("config", {}))


def get(identifier):
    """An initializer from ``None``, a name (``'glorot_uniform'``), a dict, a class, an instance or a callable."""
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        return deserialize(identifier)
    if isinstance(identifier, str):
        cls = _NAMES.get(identifier) or _CLASSES.get(identifier)
        if cls is None:
            raise ValueError("Could not interpret initializer identifier: %s" % identifier)
        return cls()
    if isinstance(identifier, type) and issubclass(identifier, Initializer):
        return identifier()
    if callable(identifier):
        return identifier
    raise ValueError("Could not interpret initializer identifier: %s" % (identifier,))


__all__ = ["Initializer", "Constant", "Identity", "IdentityInitializer", "Ones", "Zeros", "GlorotNormal",
           "GlorotUniform", "HeNormal", "HeUniform", "LecunNormal", "LecunUniform", "Orthogonal",
           "OrthogonalInitializer", "RandomNormal", "RandomUniform", "TruncatedNormal", "VarianceScaling",
           "zeros", "ones", "constant", "identity", "random_normal", "random_uniform", "truncated_normal",
           "variance_scaling", "glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
           "lecun_uniform", "lecun_normal", "orthogonal", "get", "serialize", "deserialize", "compute_fans"]
