package dev.sift.ui.common;

/**
 * A {@link View} whose bindings and listeners are all held by its {@link #subscriptions}, so that disposing the view
 * releases them at once. A view that owns more (a child view, a timer) adds it with
 * {@link Subscriptions#onDispose} or overrides {@link #dispose()} and calls this one.
 */
public abstract class SubscribedView implements View {

    /** The view's bindings and listeners. */
    protected final Subscriptions subscriptions = new Subscriptions();

    @Override
    public void dispose() {
        subscriptions.dispose();
    }
}
