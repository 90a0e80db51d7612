// Icons from one set (lucide), imported one by one so only these ship.
export { BookOpen, ChevronLeft, ChevronRight, List, Settings, X, Maximize2, ZoomIn, ZoomOut, Download, Library, NotebookPen, Search, Layers, Timer, Check } from 'lucide-preact';
