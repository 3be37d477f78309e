# kunit.py --qemu_config for i386 with PAE (3-level page tables, 64-bit PTEs),
# the layout 32-bit distributions ship; kunit.py's own i386 config has no PAE.
from ..qemu_config import QemuArchParams

QEMU_ARCH = QemuArchParams(linux_arch='i386',
			   kconfig='''
CONFIG_HIGHMEM64G=y
CONFIG_X86_PAE=y
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y''',
			   qemu_arch='i386',
			   kernel_path='arch/x86/boot/bzImage',
			   kernel_command_line='console=ttyS0',
			   extra_qemu_params=['-cpu', 'max'])
