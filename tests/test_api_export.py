"""The export registry (``torchkeras/api_export.py``) against the namespaces it fills, and
(with TensorFlow installed) against real TF / Keras' public names."""

import importlib
import importlib.util
import pathlib
import types

import pytest

import torchkeras
import torchkeras.data  # noqa: F401 - tf.data loads lazily; its names are registered on import
from torchkeras import api_export, keras

# Public attributes a namespace has besides its registered names: torchkeras' own additions,
# Keras 2 aliases torchkeras keeps, and helpers of modules that are both a namespace and the
# place their symbols are defined.  Submodules are allowed everywhere.
ALLOWED_EXTRAS = {
    "tf": {"JitFunction", "as_torch", "enable_tensorflow_alias", "from_torch"},
    "tf.dtypes": {"annotations", "from_torch", "BIT_VIEWS", "BIT_VIEWS_BY_NUMPY"},
    "tf.errors": {"invalid_argument"},
    "keras.backend": {"KerasTensor"},
    "keras.models": {"Functional"},
    "keras.constraints": {"ObjectLookup", "to_torch", "wrap"},
    "keras.regularizers": {"ObjectLookup", "to_torch", "wrap"},
    "keras.initializers": {"ObjectLookup", "compute_fans"},
    "keras.losses": {
        "ALL_OBJECTS_DICT",
        "LossFunctionWrapper",
        "get_loss",
        "KLD",
        "MAE",
        "MAPE",
        "MSE",
        "MSLE",
        "kld",
        "kullback_leibler_divergence",
        "logcosh",
        "mae",
        "mape",
        "mse",
        "msle",
    },
    "keras.metrics": {
        "ALL_OBJECTS_DICT",
        "get_metric",
        "is_binary_or_sparse_categorical",
        "resolve_accuracy",
        "to_snake_case",
        "KLD",
        "MAE",
        "MAPE",
        "MSE",
        "MSLE",
        "kld",
        "kullback_leibler_divergence",
        "logcosh",
        "mae",
        "mape",
        "mse",
        "msle",
    },
    "keras.optimizers": {"ALL_OBJECTS_DICT"},
    "keras.optimizers.schedules": {"ALL_OBJECTS_DICT"},
    "keras.ops.image": {"floatx_torch", "storage", "wrap"},
    "keras.ops.linalg": {"float_of", "storage", "wrap"},
    "keras.ops.nn": {"standardize_dtype", "storage", "wrap"},
    "keras.datasets.boston_housing": {"fetch", "shuffled", "split"},
    "keras.datasets.california_housing": {"fetch", "shuffled", "split"},
    "keras.datasets.cifar10": {"finish", "get_file", "load_batch"},
    "keras.datasets.cifar100": {"finish", "get_file", "load_batch"},
    "keras.datasets.fashion_mnist": {"ORIGIN", "get_file"},
    "keras.datasets.imdb": {"fetch", "load_npz"},
    "keras.datasets.mnist": {"fetch"},
    "keras.datasets.reuters": {"fetch", "load_npz", "shuffled"},
}

# Loaded on first use (``tf.keras``, ``tf.data``), so not in ``from torchkeras import *``.
LAZY = {"tf": {"data", "keras"}}

# Every namespace torchkeras provides; each must be registered and hold registered names.
EXPECTED_NAMESPACES = {
    "tf",
    "tf.bitwise",
    "tf.config",
    "tf.config.experimental",
    "tf.config.optimizer",
    "tf.compat",
    "tf.compat.v1",
    "tf.compat.v1.logging",
    "tf.experimental",
    "tf.experimental.numpy",
    "tf.experimental.numpy.random",
    "tf.sysconfig",
    "tf.version",
    "tf.config.threading",
    "tf.data",
    "tf.data.experimental",
    "tf.debugging",
    "tf.distribute",
    "tf.distribute.cluster_resolver",
    "tf.distribute.experimental",
    "tf.dtypes",
    "tf.errors",
    "tf.io",
    "tf.io.gfile",
    "tf.image",
    "tf.linalg",
    "tf.math",
    "tf.math.special",
    "tf.nest",
    "tf.nn",
    "tf.quantization",
    "tf.random",
    "tf.random.experimental",
    "tf.saved_model",
    "tf.sets",
    "tf.strings",
    "tf.ragged",
    "tf.sparse",
    "tf.signal",
    "tf.summary",
    "tf.summary.experimental",
    "tf.test",
    "tf.train",
    "keras",
    "keras.activations",
    "keras.backend",
    "keras.callbacks",
    "keras.config",
    "keras.constraints",
    "keras.datasets",
    "keras.distribution",
    "keras.initializers",
    "keras.layers",
    "keras.losses",
    "keras.metrics",
    "keras.mixed_precision",
    "keras.models",
    "keras.ops",
    "keras.ops.image",
    "keras.ops.linalg",
    "keras.ops.nn",
    "keras.ops.numpy",
    "keras.optimizers",
    "keras.optimizers.schedules",
    "keras.preprocessing",
    "keras.preprocessing.sequence",
    "keras.random",
    "keras.regularizers",
    "keras.saving",
    "keras.tree",
    "keras.utils",
} | {
    "keras.datasets." + name
    for name in (
        "boston_housing",
        "california_housing",
        "cifar10",
        "cifar100",
        "fashion_mnist",
        "imdb",
        "mnist",
        "reuters",
    )
}


def _module(namespace):
    if namespace == "tf":
        return torchkeras
    if namespace == "keras":
        return keras
    return api_export.symbol(namespace)


def test_every_namespace_is_a_registered_module():
    assert set(api_export.namespaces()) == EXPECTED_NAMESPACES
    for namespace in EXPECTED_NAMESPACES:
        assert isinstance(_module(namespace), types.ModuleType), namespace


@pytest.mark.parametrize("namespace", sorted(EXPECTED_NAMESPACES))
def test_namespace_holds_exactly_its_registered_names(namespace):
    module = _module(namespace)
    registered = api_export.symbols_under(namespace)
    assert registered, namespace
    wrong = [
        name for name, obj in registered.items() if getattr(module, name, "<missing>") is not obj
    ]
    assert wrong == []
    assert set(registered) - LAZY.get(namespace, set()) <= set(module.__all__)
    public = {
        name
        for name in dir(module)
        if not name.startswith("_") and not isinstance(getattr(module, name), types.ModuleType)
    }
    unregistered = public - set(registered) - ALLOWED_EXTRAS.get(namespace, set())
    assert sorted(unregistered) == []
    stale = ALLOWED_EXTRAS.get(namespace, set()) - public
    assert sorted(stale) == []


def test_every_name_of_a_symbol_leads_back_to_it():
    for full in api_export.registered_names():
        obj = api_export.symbol(full)
        if not isinstance(obj, (int, float, str, type(None))):
            assert full in api_export.names_of(obj), full


def test_aliases_are_one_object_with_the_canonical_name_first():
    assert api_export.names_of(torchkeras.add) == ["tf.math.add", "tf.add"]
    assert torchkeras.float64 is torchkeras.double
    assert api_export.names_of(keras.layers.MaxPool2D) == [
        "keras.layers.MaxPooling2D",
        "keras.layers.MaxPool2D",
    ]
    assert api_export.public_keras_name(keras.layers.Dense) == "keras.layers.Dense"
    assert api_export.public_keras_name(torchkeras.add) is None
    # keras.ops are registered as their KerasTensor-aware wrappers.
    assert api_export.symbol("keras.ops.numpy.add") is keras.ops.add is keras.ops.numpy.add
    assert api_export.symbol("tf.data.AUTOTUNE") == -1


def _fresh_registry():
    """A private copy of ``api_export`` (its tables empty), for tests that register things."""
    path = pathlib.Path(api_export.__file__)
    spec = importlib.util.spec_from_file_location("_api_export_copy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_registry_functions():
    registry = _fresh_registry()

    @registry.tf_export("math.thing", "thing")
    def thing():
        """A function."""

    @registry.keras_export("keras.layers.Thing", "keras.layers.OtherThing")
    class Thing:
        """A class."""

    registry.export_value(-1, "tf.data.AUTOTUNE")
    registry.export_value(-1, "tf.data.INFINITE_CARDINALITY")
    assert registry.names_of(thing) == ["tf.math.thing", "tf.thing"]
    assert registry.names_of(-1) == []
    assert registry.public_keras_name(Thing) == "keras.layers.Thing"
    assert registry.symbols_under("tf") == {"thing": thing}
    assert registry.symbols_under("tf.data") == {"AUTOTUNE": -1, "INFINITE_CARDINALITY": -1}
    assert registry.namespaces() == ["keras.layers", "tf", "tf.data", "tf.math"]
    namespace = {"__all__": ["submodule"]}
    registry.fill_namespace(namespace, "keras.layers")
    assert namespace["OtherThing"] is Thing and namespace["__all__"] == [
        "OtherThing",
        "Thing",
        "submodule",
    ]

    def wrapper():
        """Wraps ``thing``."""

    registry.rebind(thing, wrapper)
    assert registry.symbol("tf.thing") is wrapper and registry.names_of(wrapper) == [
        "tf.math.thing",
        "tf.thing",
    ]
    assert registry.names_of(thing) == []
    with pytest.raises(ValueError, match="already exported"):
        registry.tf_export("thing")(Thing)
    with pytest.raises(ValueError, match="start with 'keras.'"):
        registry.keras_export("layers.Thing")


def test_docs_api_listing_is_up_to_date():
    listing = pathlib.Path(__file__).resolve().parents[1] / "docs" / "API.md"
    assert listing.read_text(encoding="utf-8") == api_export.markdown(), (
        "docs/API.md is stale: run `python -m torchkeras._api_listing > docs/API.md`"
    )


def _real(tf_real, keras_real, full):
    """The object real TF / Keras exports as ``full``; raises AttributeError/ImportError if none."""
    head, _, rest = full.partition(".")
    obj = tf_real if head == "tf" else keras_real
    for part in rest.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            obj = importlib.import_module(obj.__name__ + "." + part)
    return obj


def test_every_registered_name_exists_in_real_tf_and_keras():
    tf_real = pytest.importorskip("tensorflow")
    keras_real = pytest.importorskip("keras")
    names = api_export.registered_names()
    missing = []
    for full in names:
        try:
            _real(tf_real, keras_real, full)
        except (AttributeError, ImportError):
            missing.append(full)
    print(
        "%d registered names checked against TF %s / Keras %s"
        % (len(names), tf_real.__version__, keras_real.__version__)
    )
    assert missing == []
    assert len(names) > 1400
    # Names torchkeras gives one object are one object in TF / Keras too (tf.add is tf.math.add).
    split = []
    for full in names:
        obj = api_export.symbol(full)
        aliases = [] if isinstance(obj, (int, float, str, type(None))) else api_export.names_of(obj)
        real = [_real(tf_real, keras_real, name) for name in aliases]
        if any(other is not real[0] for other in real[1:]):
            split.append(aliases)
    assert split == []
