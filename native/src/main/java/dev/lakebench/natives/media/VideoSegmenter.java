package dev.lakebench.natives.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_format;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_query_codec;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Cuts a video into segments of about {@code seconds} by stream copy (no re-encoding): a segment starts at the
 * first video keyframe at or after the next multiple of {@code seconds}, so cut points are real keyframes and
 * segment times report them. Video and audio streams the MP4 container can hold are copied; each segment's
 * timestamps start at zero. Packets stream from the file to one segment file at a time, so memory does not
 * grow with the length of the video. Audio packets that belong before a cut but arrive after it (containers
 * interleave loosely) still go to the previous segment.
 */
public final class VideoSegmenter {

    /** Receives each finished segment; returning normally means the segment file was taken care of. */
    @FunctionalInterface
    public interface SegmentSink {
        void accept(Segment segment) throws IOException;
    }

    /** A segment larger than this without a keyframe to cut at cannot be produced by stream copy. */
    static final long MAX_SEGMENT_BYTES = 1L << 30;
    /** The previous segment stays open for late audio until the stream is this far past the cut. */
    private static final double LATE_AUDIO_SECONDS = 2.0;

    private VideoSegmenter() {}

    /** What a cut produced: the number of segments and the end of the last one (seconds). */
    public record Result(int segments, double durationSeconds) {}

    public static Result split(Path input, double seconds, Path workDir, BooleanSupplier cancelled, SegmentSink sink)
            throws IOException {
        Ffmpeg.init();
        AVFormatContext in = new AVFormatContext(null);
        int ret = avformat_open_input(in, input.toString(), null, null);
        if (ret < 0) {
            throw new MediaException("Cannot open video " + input.getFileName() + ": " + Ffmpeg.error(ret));
        }
        AVPacket pkt = av_packet_alloc();
        try {
            ret = avformat_find_stream_info(in, (AVDictionary) null);
            if (ret < 0) {
                throw new MediaException(
                        "Cannot read the streams of " + input.getFileName() + ": " + Ffmpeg.error(ret));
            }
            return new Cutter(in, input, seconds, workDir, cancelled, sink).run(pkt);
        } finally {
            av_packet_free(pkt);
            avformat_close_input(in);
        }
    }

    /** The state of one cut. */
    private static final class Cutter {
        final AVFormatContext in;
        final Path input;
        final double seconds;
        final Path workDir;
        final BooleanSupplier cancelled;
        final SegmentSink sink;
        final int[] outIndex;
        final int copied;
        final int video;
        final double fileStart;
        Out current;
        Out previous;
        int index;
        double end;

        Cutter(
                AVFormatContext in,
                Path input,
                double seconds,
                Path workDir,
                BooleanSupplier cancelled,
                SegmentSink sink) {
            this.in = in;
            this.input = input;
            this.seconds = seconds;
            this.workDir = workDir;
            this.cancelled = cancelled;
            this.sink = sink;
            AVOutputFormat mp4 = av_guess_format("mp4", null, null);
            outIndex = new int[in.nb_streams()];
            int n = 0;
            for (int i = 0; i < in.nb_streams(); i++) {
                var par = in.streams(i).codecpar();
                boolean av = par.codec_type() == AVMEDIA_TYPE_VIDEO || par.codec_type() == AVMEDIA_TYPE_AUDIO;
                boolean attached =
                        (in.streams(i).disposition() & org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC)
                                != 0;
                outIndex[i] = av && !attached && avformat_query_codec(mp4, par.codec_id(), 0) == 1 ? n++ : -1;
            }
            copied = n;
            int v = av_find_best_stream(in, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            video = v >= 0 && outIndex[v] >= 0 ? v : -1;
            fileStart = in.start_time() == AV_NOPTS_VALUE ? 0 : in.start_time() / (double) AV_TIME_BASE;
        }

        Result run(AVPacket pkt) throws IOException {
            if (copied == 0) {
                throw new MediaException("No video or audio stream that MP4 can hold in " + input.getFileName());
            }
            int cutStream = video >= 0 ? video : firstCopied();
            int ret;
            try {
                while ((ret = av_read_frame(in, pkt)) >= 0) {
                    try {
                        int si = pkt.stream_index();
                        if (si >= outIndex.length || outIndex[si] < 0) {
                            continue;
                        }
                        if (cancelled.getAsBoolean()) {
                            return new Result(index, end);
                        }
                        AVStream st = in.streams(si);
                        long ts = pkt.pts() != AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
                        if (ts == AV_NOPTS_VALUE) {
                            continue;
                        }
                        double t = ts * av_q2d(st.time_base()) - fileStart;
                        double dur = pkt.duration() > 0 ? pkt.duration() * av_q2d(st.time_base()) : 0;
                        end = Math.max(end, t + dur);
                        boolean key = (pkt.flags() & AV_PKT_FLAG_KEY) != 0;
                        if (si == cutStream
                                && key
                                && (current == null || t >= (index) * seconds && t > current.start)) {
                            startSegment(si, pkt, t);
                        }
                        if (current == null) {
                            continue; // packets before the first keyframe cannot start a segment
                        }
                        Out target = current;
                        if (si != cutStream && previous != null && t < current.start) {
                            target = previous;
                        }
                        if (previous != null && si == cutStream && t >= current.start + LATE_AUDIO_SECONDS) {
                            finish(previous);
                            previous = null;
                        }
                        target.write(pkt, st, outIndex[si]);
                        if (target.bytes > MAX_SEGMENT_BYTES) {
                            throw new MediaException("Video " + input.getFileName() + " has no keyframe for over "
                                    + Math.round(t - target.start) + " s; it cannot be cut without re-encoding");
                        }
                    } finally {
                        av_packet_unref(pkt);
                    }
                }
                if (ret != AVERROR_EOF) {
                    throw new MediaException("Damaged video " + input.getFileName() + " at "
                            + String.format(java.util.Locale.ROOT, "%.1f", end) + " s: " + Ffmpeg.error(ret));
                }
                checkComplete();
                if (previous != null) {
                    finish(previous);
                    previous = null;
                }
                if (current != null) {
                    current.endTime = end;
                    finish(current);
                    current = null;
                }
                if (index == 0) {
                    throw new MediaException("Video " + input.getFileName() + " holds no frames");
                }
                return new Result(index, end);
            } finally {
                if (previous != null) {
                    previous.abandon();
                }
                if (current != null) {
                    current.abandon();
                }
            }
        }

        private int firstCopied() {
            for (int i = 0; i < outIndex.length; i++) {
                if (outIndex[i] >= 0) {
                    return i;
                }
            }
            return -1;
        }

        /** A container that promises more than its packets deliver was cut short. */
        private void checkComplete() {
            if (in.duration() == AV_NOPTS_VALUE || in.duration() <= 0) {
                return;
            }
            double declared = in.duration() / (double) AV_TIME_BASE;
            if (end < declared - Math.max(1.0, declared * 0.05)) {
                throw new MediaException(String.format(
                        java.util.Locale.ROOT,
                        "Video %s is truncated: it declares %.1f s but its data ends at %.1f s",
                        input.getFileName(),
                        declared,
                        end));
            }
        }

        private void startSegment(int si, AVPacket pkt, double t) throws IOException {
            if (current != null) {
                current.endTime = t;
                if (previous != null) {
                    finish(previous);
                }
                previous = current;
            }
            AVStream vs = in.streams(si);
            long anchor = pkt.dts() != AV_NOPTS_VALUE ? pkt.dts() : pkt.pts();
            current = new Out(
                    index++, t, workDir.resolve("segment-" + System.nanoTime() + ".mp4"), anchor, vs.time_base());
        }

        private void finish(Out out) throws IOException {
            out.close();
            sink.accept(new Segment(out.index, out.start, out.endTime, out.file));
        }

        /** One segment file being written. */
        private final class Out {
            final int index;
            final double start;
            final Path file;
            final long anchor;
            final AVRational anchorBase;
            final AVFormatContext oc = new AVFormatContext(null);
            double endTime;
            long bytes;
            boolean open;

            Out(int index, double start, Path file, long anchor, AVRational anchorBase) {
                this.index = index;
                this.start = start;
                this.file = file;
                this.anchor = anchor;
                this.anchorBase = anchorBase;
                int r = avformat_alloc_output_context2(oc, null, "mp4", file.toString());
                if (r < 0) {
                    throw new MediaException("Cannot create an MP4 segment: " + Ffmpeg.error(r));
                }
                for (int i = 0; i < outIndex.length; i++) {
                    if (outIndex[i] < 0) {
                        continue;
                    }
                    AVStream os = avformat_new_stream(oc, null);
                    avcodec_parameters_copy(os.codecpar(), in.streams(i).codecpar());
                    os.codecpar().codec_tag(0);
                    os.time_base(in.streams(i).time_base());
                }
                AVIOContext pb = new AVIOContext(null);
                r = avio_open(pb, file.toString(), AVIO_FLAG_WRITE);
                if (r < 0) {
                    avformat_free_context(oc);
                    throw new MediaException("Cannot write segment file " + file + ": " + Ffmpeg.error(r));
                }
                oc.pb(pb);
                AVDictionary opts = new AVDictionary(null);
                av_dict_set(opts, "movflags", "+faststart", 0);
                r = avformat_write_header(oc, opts);
                av_dict_free(opts);
                open = true;
                if (r < 0) {
                    abandon();
                    throw new MediaException(
                            "Cannot start MP4 segment of " + input.getFileName() + ": " + Ffmpeg.error(r));
                }
            }

            void write(AVPacket pkt, AVStream st, int outStream) {
                long shift = av_rescale_q(anchor, anchorBase, st.time_base());
                if (pkt.pts() != AV_NOPTS_VALUE) {
                    pkt.pts(pkt.pts() - shift);
                }
                if (pkt.dts() != AV_NOPTS_VALUE) {
                    pkt.dts(pkt.dts() - shift);
                }
                if (pkt.dts() != AV_NOPTS_VALUE && pkt.dts() < 0 || pkt.pts() != AV_NOPTS_VALUE && pkt.pts() < 0) {
                    return; // a packet from before this segment's first keyframe: it was shown in the previous one
                }
                bytes += pkt.size();
                av_packet_rescale_ts(pkt, st.time_base(), oc.streams(outStream).time_base());
                pkt.stream_index(outStream);
                pkt.pos(-1);
                int r = av_interleaved_write_frame(oc, pkt);
                if (r < 0) {
                    throw new MediaException(
                            "Cannot write a packet of " + input.getFileName() + " to its segment: " + Ffmpeg.error(r));
                }
            }

            void close() {
                if (!open) {
                    return;
                }
                open = false;
                int r = av_write_trailer(oc);
                avio_closep(oc.pb());
                avformat_free_context(oc);
                if (r < 0) {
                    throw new MediaException(
                            "Cannot finish a segment of " + input.getFileName() + ": " + Ffmpeg.error(r));
                }
            }

            void abandon() {
                if (open) {
                    open = false;
                    avio_closep(oc.pb());
                    avformat_free_context(oc);
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a scratch file; the temp folder is cleaned by its owner
                }
            }
        }
    }
}
