package dev.sift.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.job.JobEvent;
import dev.sift.core.job.JobListener;
import java.io.PrintStream;

/**
 * Writes each job event as one JSON object per line on stdout, for scripts:
 * {@code {"event":"progress","job":"job-1","at":"...","done":10,"total":100}}. The result of the
 * command follows as a final {@code {"event":"result", ...}} line written by the command itself.
 */
public final class JsonLinesListener implements JobListener {

    private final PrintStream out;
    private final ObjectMapper mapper;

    public JsonLinesListener(PrintStream out, ObjectMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    @Override
    public void onEvent(JobEvent event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("event", name(event));
        node.put("job", event.jobId());
        node.put("at", event.at().toString());
        if (event instanceof JobEvent.Started e) {
            node.put("title", e.title());
        } else if (event instanceof JobEvent.Progress e) {
            node.put("done", e.done()).put("total", e.total());
        } else if (event instanceof JobEvent.Message e) {
            node.put("message", e.text());
        } else if (event instanceof JobEvent.ItemDone e) {
            node.put("item", e.item()).put("detail", e.detail());
        } else if (event instanceof JobEvent.ItemFailed e) {
            node.put("item", e.item()).put("reason", e.reason());
        } else if (event instanceof JobEvent.Failed e) {
            node.put("reason", e.reason());
        }
        synchronized (out) {
            out.println(node);
            out.flush();
        }
    }

    static String name(JobEvent event) {
        if (event instanceof JobEvent.Started) {
            return "started";
        } else if (event instanceof JobEvent.Progress) {
            return "progress";
        } else if (event instanceof JobEvent.Message) {
            return "message";
        } else if (event instanceof JobEvent.ItemDone) {
            return "item-done";
        } else if (event instanceof JobEvent.ItemFailed) {
            return "item-failed";
        } else if (event instanceof JobEvent.Succeeded) {
            return "succeeded";
        } else if (event instanceof JobEvent.Failed) {
            return "failed";
        }
        return "cancelled";
    }
}
