//! Work off the UI thread, the one way the app does it: a frame never waits for git, a
//! large load or a large computation. A task runs on its own thread, wakes the UI when it
//! is done, and is polled by whoever started it (a folder opening or reloading, track
//! records, git, an article being read).

use std::sync::mpsc::{self, Receiver, TryRecvError};

pub struct Task<T> {
    receiver: Receiver<T>,
}

/// What a task has to say this frame.
pub enum Poll<T> {
    Running,
    Done(T),
    /// The task's thread ended without an answer (it panicked).
    Lost,
}

impl<T: Send + 'static> Task<T> {
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Task<T> {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = sender.send(work());
            ctx.request_repaint();
        });
        Task { receiver }
    }

    pub fn poll(&self) -> Poll<T> {
        match self.receiver.try_recv() {
            Ok(value) => Poll::Done(value),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }
}
