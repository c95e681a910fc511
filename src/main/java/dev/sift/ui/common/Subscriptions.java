package dev.sift.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The bindings and listeners a view holds, so that {@link #dispose()} releases all of them at once
 * when the view is detached.
 */
public final class Subscriptions {

    private final List<Runnable> disposers = new ArrayList<>();

    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        disposers.add(target::unbind);
    }

    public <T> void bindBidirectional(Property<T> a, Property<T> b) {
        a.bindBidirectional(b);
        disposers.add(() -> a.unbindBidirectional(b));
    }

    public <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        disposers.add(() -> value.removeListener(listener));
    }

    public void invalidated(Observable observable, InvalidationListener listener) {
        observable.addListener(listener);
        disposers.add(() -> observable.removeListener(listener));
    }

    public <E> void listen(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        disposers.add(() -> list.removeListener(listener));
    }

    /** Runs {@code action} on dispose, e.g. to dispose a child view. */
    public void onDispose(Runnable action) {
        disposers.add(action);
    }

    /** Releases everything, newest first. Idempotent. */
    public void dispose() {
        for (int i = disposers.size() - 1; i >= 0; i--) {
            disposers.get(i).run();
        }
        disposers.clear();
    }
}
