package nl.fotadesk.ui.devices;

/** One entry of a filter list: a value to filter on (null: no filter) and how it reads. */
record FilterChoice<T>(T value, String label) {
    boolean isAll() {
        return value == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
