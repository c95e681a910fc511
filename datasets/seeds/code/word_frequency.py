"""Count how often each word appears in a text and report the most common ones."""

import re
from collections import Counter

WORD = re.compile(r"[a-z']+")
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "to", "in", "is", "it"})


def words(text):
    """Lower-case words of the text, apostrophes kept, stop words left out."""
    return [w for w in WORD.findall(text.lower()) if w not in STOP_WORDS]


def top_words(text, n=5):
    """The n most common words with their counts, most common first; ties in alphabetical order."""
    counts = Counter(words(text))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]


def report(text, n=5):
    """A small table of the most common words, one per line."""
    rows = top_words(text, n)
    if not rows:
        return "(no words)"
    width = max(len(word) for word, _ in rows)
    return "\n".join(f"{word.ljust(width)}  {count}" for word, count in rows)


if __name__ == "__main__":
    sample = "The cat sat. The cat ran. A dog sat and the dog barked."
    assert top_words(sample, 2) == [("cat", 2), ("dog", 2)]
    print(report(sample))
