package io.github.authschema.maven;

import io.github.authschema.testkit.internal.cache.CacheStore;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystemSession;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Empties the cache that verify and the test-kit keep between builds: stored results and migrated
 * snapshots of every project. The next run verifies in full.
 */
@Mojo(name = "clean-cache", threadSafe = true, requiresProject = false)
public class CleanCacheMojo extends AbstractMojo {

    /** The cache to empty; default: authschema-cache beside the local Maven repository. */
    @Parameter(property = "authschema.cacheDirectory")
    private File cacheDirectory;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    @Override
    public void execute() throws MojoExecutionException {
        Path root = AbstractVerifyingMojo.cacheDirectory(cacheDirectory, repositorySession);
        try {
            long bytes = CacheStore.clean(root);
            getLog().info("Emptied the authschema cache " + root + " (" + bytes / (1024 * 1024) + " MB).");
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("Cannot empty the authschema cache " + root + ": " + e.getCause().getMessage()
                    + ". Delete the directory by hand.", e);
        }
    }
}
