package dev.sift.core.dataset;

import dev.sift.core.model.SampleContent;
import java.io.IOException;

/**
 * Maps one JSON record of a given layout to {@link SampleContent}. Called with the parser on the
 * record's START_OBJECT; must leave it on the matching END_OBJECT. Instances keep reusable buffers
 * and are used by one import at a time.
 */
interface JsonRecordMapper {

    SampleContent map(JsonRecordCursor cursor) throws IOException, ImportException;
}
