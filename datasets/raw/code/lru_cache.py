"""A small least-recently-used (LRU) cache.

The cache stores up to ``capacity`` key/value pairs. When a new key is added
to a full cache, the entry that has gone unused for the longest time is
evicted. Both lookups and insertions run in O(1) time, because the entries are
kept in an ``OrderedDict`` whose order doubles as the usage history.
"""

from collections import OrderedDict
from typing import Generic, Hashable, Optional, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LRUCache(Generic[K, V]):
    """A fixed-size mapping that evicts the least recently used entry."""

    def __init__(self, capacity: int) -> None:
        """Create an empty cache that holds at most ``capacity`` entries.

        Raises:
            ValueError: if ``capacity`` is not a positive integer.
        """
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self._capacity = capacity
        self._data: "OrderedDict[K, V]" = OrderedDict()
        self.hits = 0
        self.misses = 0

    @property
    def capacity(self) -> int:
        """The maximum number of entries the cache can hold."""
        return self._capacity

    def get(self, key: K, default: Optional[V] = None) -> Optional[V]:
        """Return the value for ``key`` and mark it as recently used.

        If the key is absent, ``default`` is returned and the miss is counted.
        """
        if key not in self._data:
            self.misses += 1
            return default
        self._data.move_to_end(key)
        self.hits += 1
        return self._data[key]

    def put(self, key: K, value: V) -> None:
        """Insert or update ``key``, evicting the oldest entry if needed."""
        if key in self._data:
            self._data.move_to_end(key)
        self._data[key] = value
        if len(self._data) > self._capacity:
            self._data.popitem(last=False)

    def remove(self, key: K) -> bool:
        """Delete ``key`` from the cache. Return True if it was present."""
        if key in self._data:
            del self._data[key]
            return True
        return False

    def clear(self) -> None:
        """Remove every entry and reset the hit and miss counters."""
        self._data.clear()
        self.hits = 0
        self.misses = 0

    def hit_rate(self) -> float:
        """Fraction of ``get`` calls that found their key (0.0 if none)."""
        total = self.hits + self.misses
        return self.hits / total if total else 0.0

    def __contains__(self, key: object) -> bool:
        """Membership test; does not change the usage order."""
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self._data.items())
        return f"LRUCache(capacity={self._capacity}, {{{items}}})"


if __name__ == "__main__":
    cache: LRUCache[str, int] = LRUCache(capacity=2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")          # "a" is now the most recently used
    cache.put("c", 3)       # evicts "b"
    assert "b" not in cache
    assert cache.get("a") == 1 and cache.get("c") == 3
    print(cache, f"hit rate={cache.hit_rate():.2f}")
