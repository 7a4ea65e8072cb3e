package dev.lakebench.natives.media;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Decodes the first picture of a video file (a segment starts with a keyframe, so this is fast). */
public final class FrameGrabber {

    private FrameGrabber() {}

    /** The first frame as an RGB image, or a MediaException (e.g. no decoder for the codec in this build). */
    public static BufferedImage firstFrame(Path video) {
        Ffmpeg.init();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile());
                Java2DFrameConverter conv = new Java2DFrameConverter()) {
            g.start();
            Frame f = g.grabImage();
            if (f == null || f.image == null) {
                throw new MediaException("No picture could be decoded from " + video.getFileName());
            }
            BufferedImage img = conv.getBufferedImage(f);
            BufferedImage copy = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(img, 0, 0, null);
            g.stop();
            return copy;
        } catch (MediaException e) {
            throw e;
        } catch (Exception e) {
            throw new MediaException("Cannot decode a frame of " + video.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
