import java.util.NoSuchElementException;

/** A fixed-size first-in, first-out queue of ints that overwrites its oldest value when full. */
public final class RingBuffer {

    private final int[] values;
    private int head;
    private int size;

    public RingBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        values = new int[capacity];
    }

    /** Adds a value; when the buffer is full the oldest value is dropped to make room. */
    public void add(int value) {
        int tail = (head + size) % values.length;
        values[tail] = value;
        if (size == values.length) {
            head = (head + 1) % values.length;
        } else {
            size++;
        }
    }

    /** Removes and returns the oldest value. */
    public int remove() {
        if (size == 0) {
            throw new NoSuchElementException("the buffer is empty");
        }
        int value = values[head];
        head = (head + 1) % values.length;
        size--;
        return value;
    }

    public int size() {
        return size;
    }

    public static void main(String[] args) {
        RingBuffer buffer = new RingBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.add(i);
        }
        System.out.println(buffer.remove() + " " + buffer.remove() + " " + buffer.remove()); // 3 4 5
    }
}
