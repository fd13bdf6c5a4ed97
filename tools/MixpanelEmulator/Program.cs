// Placeholder entry point; the emulator host is built on top of this project.
return 0;
