"""The conformance harness: the chapter's listings as tests, on every device,
against torchkeras (``--impl=torchkeras``, the default) or against real
TensorFlow (``--impl=tensorflow``, to prove each test encodes TF's behaviour).

Fixtures: ``tf`` and ``keras`` (the implementation's modules) and ``device``
(``'CPU'`` or ``'GPU'``): every test runs once per device inside
``tf.device('/<device>:0')``; the GPU runs are reported as skipped when no GPU
is available.
"""

import importlib
import os

import pytest

DEVICES = ("CPU", "GPU")


def pytest_addoption(parser):
    parser.addoption(
        "--impl",
        choices=("torchkeras", "tensorflow"),
        default="torchkeras",
        help="implementation the conformance listings run on (default: torchkeras)",
    )


def pytest_report_header(config):
    return "conformance implementation: %s" % config.getoption("--impl")


@pytest.fixture(scope="session")
def impl(request):
    """``'torchkeras'`` or ``'tensorflow'``."""
    return request.config.getoption("--impl")


@pytest.fixture(scope="session")
def tf(impl):
    """The implementation's ``tf`` module."""
    if impl == "tensorflow":
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        return importlib.import_module("tensorflow")
    return importlib.import_module("torchkeras")


@pytest.fixture(scope="session")
def keras(impl, tf):
    """The implementation's ``keras`` module (Keras 3 beside TF, torchkeras.keras)."""
    return importlib.import_module("keras" if impl == "tensorflow" else "torchkeras.keras")


def _gpu_available(impl, tf):
    if impl == "tensorflow":
        return bool(tf.config.list_physical_devices("GPU"))
    import torch

    return torch.cuda.is_available()


@pytest.fixture(autouse=True, params=DEVICES)
def device(request, impl, tf):
    """Runs the test inside ``tf.device('/<device>:0')`` and gives the device type."""
    if request.param == "GPU" and not _gpu_available(impl, tf):
        pytest.skip("no GPU available to %s" % impl)
    with tf.device("/%s:0" % request.param):
        yield request.param
