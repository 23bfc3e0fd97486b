"""The order TF's ``TopKV2`` CPU kernel gives a whole row (``k`` = the row's length, as
``tf.sort`` and ``tf.argsort`` ask) when the row holds NaN.

TF sorts the row's indices with ``std::sort`` and the comparison ``v[b] < v[a]``, then puts
the indices of each run of equal values in increasing order.  NaN compares false both ways,
so where NaNs land depends on the sort algorithm: this replays libstdc++'s ``std::sort``
(introsort, median-of-three pivots, heap sort past the depth limit, insertion sort for runs
of 16 or less).  Rows without NaN need none of it: a stable descending sort is the same order.
"""

__all__ = ["descending_order"]

_THRESHOLD = 16


class _Sorter:
    """libstdc++'s ``std::sort`` over a list of indices, comparing ``keys[b] < keys[a]``."""

    def __init__(self, keys):
        self.keys = keys

    def comp(self, a, b):
        return self.keys[b] < self.keys[a]

    def sort(self, items):
        n = len(items)
        if n > 1:
            self._introsort(items, 0, n, 2 * (n.bit_length() - 1))
            self._final_insertion(items, 0, n)

    def _introsort(self, items, first, last, depth):
        while last - first > _THRESHOLD:
            if depth == 0:
                self._heap_sort(items, first, last)
                return
            depth -= 1
            cut = self._partition_pivot(items, first, last)
            self._introsort(items, cut, last, depth)
            last = cut

    def _partition_pivot(self, items, first, last):
        mid = first + (last - first) // 2
        self._median_to_first(items, first, first + 1, mid, last - 1)
        return self._partition(items, first + 1, last, first)

    def _median_to_first(self, items, result, a, b, c):
        comp = self.comp
        x, y, z = items[a], items[b], items[c]
        if comp(x, y):
            pick = b if comp(y, z) else (c if comp(x, z) else a)
        elif comp(x, z):
            pick = a
        else:
            pick = c if comp(y, z) else b
        items[result], items[pick] = items[pick], items[result]

    def _partition(self, items, first, last, pivot):
        comp = self.comp
        value = items[pivot]
        while True:
            while first < len(items) - 1 and comp(items[first], value):
                first += 1
            last -= 1
            while last > 0 and comp(value, items[last]):
                last -= 1
            if not first < last:
                return first
            items[first], items[last] = items[last], items[first]
            first += 1

    def _linear_insert(self, items, last, floor):
        comp = self.comp
        value = items[last]
        at = last - 1
        while at >= floor and comp(value, items[at]):
            items[at + 1] = items[at]
            at -= 1
        items[at + 1] = value

    def _insertion(self, items, first, last):
        for i in range(first + 1, last):
            value = items[i]
            if self.comp(value, items[first]):
                items[first + 1 : i + 1] = items[first:i]
                items[first] = value
            else:
                self._linear_insert(items, i, first)

    def _final_insertion(self, items, first, last):
        if last - first > _THRESHOLD:
            self._insertion(items, first, first + _THRESHOLD)
            for i in range(first + _THRESHOLD, last):
                self._linear_insert(items, i, 0)
        else:
            self._insertion(items, first, last)

    def _adjust_heap(self, items, first, hole, length, value):
        comp = self.comp
        top = hole
        child = hole
        while child < (length - 1) // 2:
            child = 2 * (child + 1)
            if comp(items[first + child], items[first + child - 1]):
                child -= 1
            items[first + hole] = items[first + child]
            hole = child
        if length % 2 == 0 and child == (length - 2) // 2:
            child = 2 * (child + 1)
            items[first + hole] = items[first + child - 1]
            hole = child - 1
        parent = (hole - 1) // 2
        while hole > top and comp(items[first + parent], value):
            items[first + hole] = items[first + parent]
            hole = parent
            parent = (hole - 1) // 2
        items[first + hole] = value

    def _heap_sort(self, items, first, last):
        length = last - first
        for parent in range((length - 2) // 2, -1, -1):
            self._adjust_heap(items, first, parent, length, items[first + parent])
        while last - first > 1:
            last -= 1
            value = items[last]
            items[last] = items[first]
            self._adjust_heap(items, first, 0, last - first, value)


def descending_order(keys):
    """The indices of the float list ``keys`` in the order TF's ``TopKV2`` returns them for
    ``k = len(keys)``: descending, ties (equal values) by increasing index, NaNs wherever
    ``std::sort`` leaves them."""
    order = list(range(len(keys)))
    _Sorter(keys).sort(order)
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and keys[order[end]] == keys[order[start]]:
            end += 1
        if end - start > 1:
            order[start:end] = sorted(order[start:end])
        start = end
    return order
