package dev.sift.app;

import dev.sift.core.config.Credentials;
import dev.sift.core.config.SecretResolver;
import dev.sift.core.dedup.MiniLmEmbedder;
import dev.sift.core.dedup.SentenceEmbedder;
import dev.sift.core.job.ExecutorJobRunner;
import dev.sift.core.job.JobRunner;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.llm.models.HubClient;
import dev.sift.core.llm.models.ModelsDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The composition root shared by the workbench and the CLI: where settings live, the job runner,
 * and the in-process models, created once and lazily.
 *
 * <p>The configuration folder is, in order: the {@code sift.config.dir} system property, the
 * {@code SIFT_CONFIG_DIR} environment variable, or {@code ~/.config/sift}.
 */
public final class SiftContext implements AutoCloseable {

    /** The environment variable naming another Hub base URL (a mirror); unset means the public Hub. */
    public static final String HUB_URL_VARIABLE = "SIFT_HUB_URL";

    private final Path configDir;
    private final ModelsDirectory models;
    private final JobRunner jobs;
    private SentenceEmbedder embedder;
    private LlmAccess llm;

    public SiftContext(Path configDir) {
        this(configDir, null);
    }

    /** @param models the local models folder, or {@code null} for {@link ModelsDirectory#atDefaultLocation()} */
    public SiftContext(Path configDir, ModelsDirectory models) {
        this.configDir = configDir;
        this.models = models;
        this.jobs = new ExecutorJobRunner();
    }

    public static SiftContext fromEnvironment() {
        return new SiftContext(defaultConfigDir());
    }

    static Path defaultConfigDir() {
        String property = System.getProperty("sift.config.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("SIFT_CONFIG_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".config", "sift");
    }

    /** Folder for the user's settings and credentials; may not exist yet. */
    public Path configDir() {
        return configDir;
    }

    public JobRunner jobs() {
        return jobs;
    }

    /** The bundled sentence-embedding model, loaded on first use (about a second). */
    public synchronized SentenceEmbedder embedder() {
        if (embedder == null) {
            embedder = new MiniLmEmbedder();
        }
        return embedder;
    }

    /** The user's credentials file ({@code <configDir>/credentials}, owner-only), where keys may be kept. */
    public Credentials credentials() {
        return new Credentials(configDir.resolve("credentials"));
    }

    /** Access to model servers, with keys from the environment and this folder's credentials file. */
    public synchronized LlmAccess llm() {
        if (llm == null) {
            llm = new LlmAccess(new SecretResolver(System.getenv(), credentials()), EngineSettings.defaults());
        }
        return llm;
    }

    /**
     * The folder of downloaded models: the one given to the constructor, else the default location
     * ({@code sift.models.dir}, {@code SIFT_MODELS_DIR}, or the user's cache folder). Cheap; touches no file.
     */
    public ModelsDirectory models() {
        return models != null ? models : ModelsDirectory.atDefaultLocation();
    }

    /**
     * A client for the Hugging Face Hub, or for the mirror named by {@value #HUB_URL_VARIABLE}, with the
     * token of {@code HF_TOKEN} when set.
     *
     * @throws IllegalArgumentException when {@value #HUB_URL_VARIABLE} is not an http(s) URL
     */
    public HubClient hub() {
        String mirror = System.getenv(HUB_URL_VARIABLE);
        return mirror == null || mirror.isBlank() ? HubClient.fromEnvironment() : HubClient.create(mirror, System.getenv());
    }

    /** This build's version, e.g. "0.1.0-SNAPSHOT". */
    public static String version() {
        try (InputStream in = SiftContext.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public synchronized void close() {
        jobs.close();
        if (llm != null) {
            llm.close(); // releases in-process models
        }
    }
}
