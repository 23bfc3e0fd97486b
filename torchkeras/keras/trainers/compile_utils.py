"""The loss and metric containers ``compile()`` builds (Keras' ``CompileLoss`` /
``CompileMetrics``).

Both resolve their identifiers per model output: one entry for a
single-output model, a list (by position) or a dict (by output name) for
several outputs.  ``"accuracy"``/``"acc"`` (and ``"crossentropy"``/``"ce"``
for losses) become the binary, sparse or categorical variant from the
shapes of the first batch, as in Keras.  Metric state stays on the device.
"""

from __future__ import annotations

import re

import torch

from ...framework import tree as _tree
from ...framework.tensor import TensorOperators, wrap
from .. import losses as _losses_module
from .. import metrics as _metrics_module

__all__ = [
    "CompileLoss",
    "CompileMetrics",
    "get_metric",
    "get_loss",
    "validate_identifiers",
    "LossTracker",
]


class LossTracker(_metrics_module.Mean):
    """``keras.metrics.Mean(name='loss')``, the loss average ``fit`` reports.

    ``add(loss, batch_size)`` is the default train step's two-op form of
    ``update_state(loss, sample_weight=batch_size)`` (no host sync).
    """

    def __init__(self, name="loss", dtype=None):
        super().__init__(name=name, dtype=dtype)

    def add(self, loss, batch_size):
        """Adds a scalar torch ``loss`` weighted by ``batch_size``."""
        with torch.no_grad():
            self.total._param.add_(loss.detach().to(self.total._param.dtype), alpha=batch_size)
            self.count._param.add_(batch_size)


def _object_name(obj):
    if hasattr(obj, "name") and isinstance(obj.name, str):
        return obj.name
    if hasattr(obj, "__name__"):
        return obj.__name__
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(obj).__name__).lower()


def _is_binary_or_sparse(y_true, y_pred):
    is_binary = y_pred.shape[-1] == 1 if y_pred.ndim else True
    true_last = y_true.shape[-1] if y_true.ndim else 1
    is_sparse = y_true.ndim < y_pred.ndim or (
        true_last == 1 and y_pred.ndim > 0 and y_pred.shape[-1] > 1
    )
    return is_binary, is_sparse


def get_metric(identifier, y_true, y_pred):
    """The metric object for one identifier, given example storages of the targets and outputs."""
    metrics = _metrics_module
    if identifier is None:
        raise ValueError("Expected metric, received `None`")
    if str(identifier).lower() in ("accuracy", "acc"):
        is_binary, is_sparse = _is_binary_or_sparse(y_true, y_pred)
        cls = (
            metrics.BinaryAccuracy
            if is_binary
            else metrics.SparseCategoricalAccuracy
            if is_sparse
            else metrics.CategoricalAccuracy
        )
        metric = cls(name=str(identifier))
    else:
        metric = metrics.get(identifier)
    name = identifier if isinstance(identifier, str) else _object_name(metric)
    if not isinstance(metric, metrics.Metric):
        metric = metrics.MeanMetricWrapper(metric, name=name)
    metric.name = name
    return metric


def get_metric_name(identifier):
    """The name a metric identifier gets before any prefix (the string itself, else the object's
    name)."""
    if isinstance(identifier, str):
        return identifier
    return _object_name(identifier)


def get_loss(identifier, y_true, y_pred):
    """The ``Loss`` object for one identifier (functions wrapped in ``LossFunctionWrapper``)."""
    losses = _losses_module
    if identifier is None:
        return None
    if str(identifier).lower() in ("crossentropy", "ce"):
        is_binary, is_sparse = _is_binary_or_sparse(y_true, y_pred)
        loss = (
            losses.binary_crossentropy
            if is_binary
            else losses.sparse_categorical_crossentropy
            if is_sparse
            else losses.categorical_crossentropy
        )
    else:
        loss = losses.get(identifier)
    if not isinstance(loss, losses.Loss):
        name = identifier if isinstance(identifier, str) else _object_name(loss)
        loss = losses.LossFunctionWrapper(loss, name=name)
    return loss


def validate_identifiers(loss, metrics, weighted_metrics):
    """Raises Keras' ``ValueError`` for unknown loss or metric names at ``compile()`` time."""
    for identifier in _leaves(loss):
        if isinstance(identifier, str) and identifier.lower() not in ("crossentropy", "ce"):
            _losses_module.get(identifier)
    for group in (metrics, weighted_metrics):
        for identifier in _leaves(group):
            if isinstance(identifier, str) and identifier.lower() not in ("accuracy", "acc"):
                _metrics_module.get(identifier)


def _leaves(value):
    return [leaf for leaf in _tree.flatten(value, _tree.KERAS) if leaf is not None]


def _flat_outputs(value):
    """Model outputs/targets as a list of storages (dicts in key order given by ``names``)."""
    if isinstance(value, TensorOperators):
        return [value._value]
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, dict):
        return value
    return [v._value if isinstance(v, TensorOperators) else v for v in value]


def _storage(value):
    if value is None or isinstance(value, torch.Tensor):
        return value
    if isinstance(value, TensorOperators):
        return value._value
    from ...framework.convert import to_torch

    return to_torch(value)


def _align(value, names, what):
    """Per-output list of ``value`` for outputs ``names`` (a dict by name, a list by position,
    one entry for all)."""
    count = len(names)
    if isinstance(value, dict):
        unknown = [key for key in value if key not in names]
        if unknown:
            raise ValueError(
                "In the dict argument `%s`, key '%s' does not correspond to any model output. "
                "Received:\n%s=%s" % (what, unknown[0], what, value)
            )
        return [value.get(name) for name in names]
    if isinstance(value, (list, tuple)) and count > 1:
        if len(value) != count:
            raise ValueError(
                "For a model with multiple outputs, when providing the `%s` argument as a list, "
                "it should have as many entries as the model has outputs. Received:\n%s=%s\nof "
                "length %d whereas the model has %d outputs."
                % (what, what, value, len(value), count)
            )
        return list(value)
    return [value] * count


def _output_names(y_pred, model_names):
    """Each output's name: a dict's keys, else the model's output names (``None`` for outputs
    a subclassed model returns, which Keras leaves unnamed)."""
    preds = _flat_outputs(y_pred)
    if isinstance(preds, dict):
        return list(preds)
    names = list(model_names or [])
    return names if len(names) == len(preds) else [None] * len(preds)


def _check_loss_weights(loss, loss_weights, count):
    """Keras' check: a single loss with several weights is refused."""
    if loss_weights is None or isinstance(loss, (list, tuple, dict)):
        return
    if isinstance(loss_weights, (list, tuple, dict)) and len(loss_weights) != 1:
        raise ValueError(
            "`loss_weights` must match the number of losses, got 1 losses and %d "
            "weights." % len(loss_weights)
        )


def _pair_targets(y_true, y_pred, names):
    """``(targets, outputs)`` as two aligned lists of storages."""
    preds = _flat_outputs(y_pred)
    if isinstance(preds, dict):
        preds = [_storage(preds[name]) for name in names]
    trues = y_true
    if isinstance(trues, dict):
        trues = [_storage(trues.get(name)) for name in names]
    elif isinstance(trues, (list, tuple)):
        trues = [_storage(t) for t in trues]
    else:
        trues = [_storage(trues)]
    if len(trues) != len(preds):
        raise ValueError(
            "The model has %d outputs, but the targets `y` have %d entries. Provide one target "
            "per output (as a list, or a dict keyed by output name)." % (len(preds), len(trues))
        )
    return trues, preds


def _pair_batch(y_true, y_pred, sample_weight, names):
    """:func:`_pair_targets` plus one sample weight per output (a single weight serves all)."""
    trues, preds = _pair_targets(y_true, y_pred, names)
    if isinstance(sample_weight, (list, tuple)):
        return trues, preds, sample_weight
    return trues, preds, [sample_weight] * len(preds)


class CompileLoss:
    """The total loss of ``compile(loss=..., loss_weights=...)``: ``sum(weight_i * loss_i)``.

    With several outputs it also tracks each output's loss as a
    ``Mean`` metric named ``<output>_loss``.
    """

    def __init__(self, loss, loss_weights=None, output_names=None):
        if loss_weights and not isinstance(loss_weights, (list, tuple, dict, float)):
            raise ValueError(
                "Expected `loss_weights` argument to be a float (single output case) or a list, "
                "tuple, or dict (multiple output case). Received instead: loss_weights=%s of "
                "type %s" % (loss_weights, type(loss_weights))
            )
        self._loss = loss
        self._loss_weights = loss_weights
        self._output_names = output_names
        self.built = False
        self._losses = None
        self._weights = None
        self.metrics = []

    def build(self, y_true, y_pred):
        """Resolves the losses from the first batch's targets and outputs."""
        names = _output_names(y_pred, self._output_names)
        count = len(names)
        self._names = names
        trues, preds = _pair_targets(y_true, y_pred, names)
        identifiers = _align(self._loss, names, "loss")
        _check_loss_weights(self._loss, self._loss_weights, count)
        weights = (
            _align(self._loss_weights, names, "loss_weights")
            if self._loss_weights is not None
            else [None] * count
        )
        self._losses = [
            get_loss(identifier, t, p) for identifier, t, p in zip(identifiers, trues, preds)
        ]
        self._weights = [1.0 if w is None else float(w) for w in weights]
        if sum(loss is not None for loss in self._losses) > 1:
            mean = _metrics_module.Mean
            # Keras names each loss after its output, or after the loss itself when the output
            # has no name (a subclassed model's list of outputs)
            self.metrics = [
                mean(name="%s_loss" % (name if name is not None else loss.name))
                if loss is not None
                else None
                for name, loss in zip(names, self._losses)
            ]
        self.built = True

    def __call__(self, y_true, y_pred, sample_weight=None):
        """The weighted total loss, a Tensor (as Keras hands user code a backend tensor)."""
        total = self.total(y_true, y_pred, sample_weight)
        return None if total is None else wrap(total)

    def total(self, y_true, y_pred, sample_weight=None):
        """The weighted total loss as a torch scalar carrying the autograd graph."""
        if not self.built:
            self.build(y_true, y_pred)
        trues, preds, weights = _pair_batch(y_true, y_pred, sample_weight, self._names)
        total = None
        for index, (loss, weight, t, p, sw) in enumerate(
            zip(self._losses, self._weights, trues, preds, weights)
        ):
            if loss is None:
                continue
            if t is None:
                raise ValueError(
                    "Expected targets `y` for the output %r (it has a loss), received None. Pass "
                    "`y` to `fit()`, or remove this output's loss in `compile()`."
                    % self._names[index]
                )
            value = loss(t, p, sample_weight=_storage(sw))._value
            if self.metrics:
                self.metrics[index].update_state(wrap(value.detach()))
            value = value if weight == 1.0 else value * weight
            total = value if total is None else total + value
        return total


class CompileMetrics:
    """The metrics of ``compile(metrics=..., weighted_metrics=...)``, as one object named
    ``compile_metrics`` whose ``result()`` is a dict (prefixed by output name when several)."""

    name = "compile_metrics"

    def __init__(self, metrics, weighted_metrics, output_names=None):
        self._user_metrics = metrics
        self._user_weighted_metrics = weighted_metrics
        self._output_names = output_names
        self.built = False
        self.metrics = []
        self._base_names = []
        self._per_output = []

    def check_identifiers(self):
        """Keras' ``ValueError`` for a metric identifier that is neither a name nor a callable,
        raised before training touches any variable (Keras finds it at the first batch, before
        the first update)."""
        for group in (self._user_metrics, self._user_weighted_metrics):
            for identifier in _leaves(group):
                if not isinstance(identifier, str) and not callable(identifier):
                    _metrics_module.get(identifier)

    def build(self, y_true, y_pred):
        """Resolves the metrics from the first batch."""
        names = _output_names(y_pred, self._output_names)
        count = len(names)
        self._names = names
        trues, preds = _pair_targets(y_true, y_pred, names)
        plain = self._expand(self._user_metrics, names)
        weighted = self._expand(self._user_weighted_metrics, names)
        self._per_output = []
        for index, (t, p) in enumerate(zip(trues, preds)):
            unweighted_objs = [self._make(m, t, p, names[index], count) for m in plain[index]]
            weighted_objs = [
                self._make(m, t, p, names[index], count, weighted=True) for m in weighted[index]
            ]
            self._per_output.append((unweighted_objs, weighted_objs))
            self.metrics.extend(unweighted_objs + weighted_objs)
            self._base_names.extend(get_metric_name(m) for m in plain[index] + weighted[index])
        self.built = True

    @staticmethod
    def _expand(metrics, names):
        if metrics is None:
            return [[] for _ in names]
        if isinstance(metrics, dict):
            unknown = [key for key in metrics if key not in names]
            if unknown:
                raise ValueError(
                    "In the dict argument `metrics`, key '%s' does not correspond to any model "
                    "output. Received:\nmetrics=%s" % (unknown[0], metrics)
                )
            return [_as_list(metrics.get(name)) for name in names]
        if not isinstance(metrics, (list, tuple)):
            raise TypeError(
                "Expected `metrics` argument to be a list, tuple, or dict. Received instead: "
                "metrics=%s of type %s" % (metrics, type(metrics))
            )
        if len(names) == 1:
            return [list(metrics)]
        if len(metrics) == len(names):  # Keras: one entry (a metric or a list) per output
            return [_as_list(m) for m in metrics]
        structure = ["X"] * len(names)
        raise ValueError(
            "tuple arity mismatch; expected: %d, got: %d; tuple: %r.\n"
            "Invalid `metrics`. `metrics` should contain metrics objects and either "
            "be a dict or a list matching the output names of the functional model %s "
            "or match the output structure of the model: %s.\nReceived: metrics=%s"
            % (len(names), len(metrics), tuple(metrics), names, structure, metrics)
        )

    @staticmethod
    def _make(identifier, y_true, y_pred, output_name, count, weighted=False):
        metric = get_metric(identifier, y_true, y_pred)
        if weighted and isinstance(identifier, str):
            metric.name = "weighted_" + metric.name
        if count > 1 and output_name is not None:
            metric.name = "%s_%s" % (output_name, metric.name)
        return metric

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Updates every metric with one batch."""
        if not self.built:
            self.build(y_true, y_pred)
        trues, preds, weights = _pair_batch(y_true, y_pred, sample_weight, self._names)
        for (plain, weighted), t, p, sw in zip(self._per_output, trues, preds, weights):
            if t is None:
                continue
            t_tensor, p_tensor = wrap(t), wrap(p.detach())
            for metric in plain:
                metric.update_state(t_tensor, p_tensor)
            if weighted:
                sw_tensor = None if sw is None else wrap(_storage(sw))
                for metric in weighted:
                    metric.update_state(t_tensor, p_tensor, sample_weight=sw_tensor)

    def unprefixed_names(self):
        """The metrics' names before output/``weighted_`` prefixes (what Keras' ``evaluate``
        orders by)."""
        return list(self._base_names)

    def result(self):
        """``{metric name: value}`` for every metric."""
        return {metric.name: metric.result() for metric in self.metrics}

    def reset_state(self):
        """Resets every metric."""
        for metric in self.metrics:
            metric.reset_state()

    @property
    def variables(self):
        """The state variables of every metric."""
        return [v for metric in self.metrics for v in getattr(metric, "variables", [])]


def _as_list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]
